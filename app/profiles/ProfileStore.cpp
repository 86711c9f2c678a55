#include "profiles/ProfileStore.h"

#include "api/ApiClient.h"

#include <QFileInfo>
#include <QSettings>
#include <QUuid>

namespace plexe {

namespace {

const QString kGroup = QStringLiteral("profiles");
const QString kCustom = QStringLiteral("custom");
const QString kLastUsed = QStringLiteral("lastUsed");

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool hasControl(QStringView text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

// Everything validate() checks except the CA file, which may be missing for a while (an
// unmounted disk) without the profile vanishing from the list at the next start.
bool validateFields(const Profile &profile, QString *error)
{
    const QString &name = profile.name;
    if (name.trimmed().isEmpty())
        return fail(error, ProfileStore::tr("The profile needs a name."));
    if (name.trimmed() != name)
        return fail(error,
                    ProfileStore::tr("The profile name must not start or end with a space."));
    if (name.size() > ProfileStore::kMaxNameLength)
        return fail(error, ProfileStore::tr("The profile name is longer than %1 characters.")
                               .arg(ProfileStore::kMaxNameLength));
    if (hasControl(name))
        return fail(error,
                    ProfileStore::tr("The profile name must not contain control characters."));
    QString why;
    if (!ApiClient::isAllowedUrl(profile.apiUrl, &why))
        return fail(error, ProfileStore::tr("API address: %1").arg(why));
    if (!profile.oidcIssuer.isEmpty() && !ApiClient::isAllowedUrl(profile.oidcIssuer, &why))
        return fail(error, ProfileStore::tr("OIDC issuer: %1").arg(why));
    if (hasControl(profile.oidcClientId) || profile.oidcClientId.size() > 256)
        return fail(error, ProfileStore::tr("The OIDC client id is not valid."));
    return true;
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    load();
}

QList<Profile> ProfileStore::builtIns() const
{
    Profile cloud;
    cloud.name = Profile::cloudName();
    cloud.id = cloud.name;
    cloud.apiUrl = Profile::cloudUrl();
    cloud.builtIn = true;
    Profile sandbox;
    sandbox.name = Profile::sandboxName();
    sandbox.id = sandbox.name;
    sandbox.builtIn = true;
    return {cloud, sandbox};
}

Profile ProfileStore::withOverride(Profile profile) const
{
    const auto it = m_overrides.constFind(profile.name);
    if (it == m_overrides.constEnd())
        return profile;
    if (!it->apiUrl.isEmpty())
        profile.apiUrl = it->apiUrl;
    if (!it->caFile.isEmpty())
        profile.caFile = it->caFile;
    return profile;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> all;
    for (const Profile &profile : builtIns() + m_custom)
        all << withOverride(profile);
    return all;
}

std::optional<Profile> ProfileStore::stored(const QString &name) const
{
    for (const Profile &profile : builtIns() + m_custom) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    const std::optional<Profile> profile = stored(name);
    if (!profile)
        return std::nullopt;
    return withOverride(*profile);
}

std::optional<Profile> ProfileStore::findById(const QString &id) const
{
    for (const Profile &profile : builtIns() + m_custom) {
        if (profile.id == id)
            return withOverride(profile);
    }
    return std::nullopt;
}

bool ProfileStore::validate(const Profile &profile, QString *error)
{
    if (!validateFields(profile, error))
        return false;
    if (!profile.caFile.isEmpty() && !QFileInfo(profile.caFile).isReadable())
        return fail(error, tr("Cannot read the CA file %1.").arg(profile.caFile));
    return true;
}

// Names differing only in case would look like one profile in the switcher.
bool ProfileStore::nameTaken(const QString &name, const QString &except) const
{
    for (const Profile &profile : builtIns() + m_custom) {
        if (profile.name != except && profile.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// An id is a keychain namespace: two profiles must never share one.
bool ProfileStore::idTaken(const QString &id) const
{
    for (const Profile &profile : builtIns() + m_custom) {
        if (profile.id == id)
            return true;
    }
    return false;
}

bool ProfileStore::add(const Profile &profile, QString *error)
{
    if (!validate(profile, error))
        return false;
    if (nameTaken(profile.name, QString()))
        return fail(error, tr("A profile named %1 exists already.").arg(profile.name));
    Profile added = profile;
    added.builtIn = false;
    added.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_custom << added;
    save();
    emit changed();
    return true;
}

bool ProfileStore::update(const QString &oldName, const Profile &profile, QString *error)
{
    const std::optional<Profile> existing = stored(oldName);
    if (!existing)
        return fail(error, tr("There is no profile named %1.").arg(oldName));
    if (existing->builtIn)
        return fail(error, tr("The built-in profile %1 cannot be changed.").arg(oldName));
    if (!validate(profile, error))
        return false;
    if (nameTaken(profile.name, oldName))
        return fail(error, tr("A profile named %1 exists already.").arg(profile.name));
    for (Profile &custom : m_custom) {
        if (custom.name == oldName) {
            const QString id = custom.id; // a rename keeps everything kept under the id
            custom = profile;
            custom.id = id;
            custom.builtIn = false;
        }
    }
    if (oldName != profile.name) {
        if (m_overrides.contains(oldName))
            m_overrides.insert(profile.name, m_overrides.take(oldName));
        if (m_settings->value(kGroup + QLatin1Char('/') + kLastUsed).toString() == oldName)
            m_settings->setValue(kGroup + QLatin1Char('/') + kLastUsed, profile.name);
    }
    save();
    emit changed();
    return true;
}

bool ProfileStore::remove(const QString &name, QString *error)
{
    const std::optional<Profile> existing = stored(name);
    if (!existing)
        return fail(error, tr("There is no profile named %1.").arg(name));
    if (existing->builtIn)
        return fail(error, tr("The built-in profile %1 cannot be removed.").arg(name));
    m_custom.removeIf([&name](const Profile &profile) { return profile.name == name; });
    m_overrides.remove(name);
    if (m_settings->value(kGroup + QLatin1Char('/') + kLastUsed).toString() == name)
        m_settings->remove(kGroup + QLatin1Char('/') + kLastUsed);
    save();
    emit removed(*existing);
    emit changed();
    return true;
}

QString ProfileStore::lastUsed() const
{
    const QString name = m_settings->value(kGroup + QLatin1Char('/') + kLastUsed).toString();
    return stored(name) ? name : Profile::cloudName();
}

void ProfileStore::setLastUsed(const QString &name)
{
    if (!stored(name))
        return;
    m_settings->setValue(kGroup + QLatin1Char('/') + kLastUsed, name);
    m_settings->sync();
}

void ProfileStore::setSessionOverride(const QString &name, const QUrl &apiUrl,
                                      const QString &caFile)
{
    m_overrides.insert(name, Override{apiUrl, caFile});
    emit changed();
}

void ProfileStore::clearSessionOverride(const QString &name)
{
    if (m_overrides.remove(name) > 0)
        emit changed();
}

void ProfileStore::load()
{
    m_custom.clear();
    m_settings->beginGroup(kGroup);
    const int count = m_settings->beginReadArray(kCustom);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile profile;
        profile.name = m_settings->value(QStringLiteral("name")).toString();
        profile.apiUrl = QUrl(m_settings->value(QStringLiteral("apiUrl")).toString());
        profile.oidcIssuer = QUrl(m_settings->value(QStringLiteral("oidcIssuer")).toString());
        profile.oidcClientId = m_settings->value(QStringLiteral("oidcClientId")).toString();
        profile.caFile = m_settings->value(QStringLiteral("caFile")).toString();
        profile.id = m_settings->value(QStringLiteral("id")).toString();
        if (profile.id.isEmpty())
            profile.id = profile.name; // saved before ids: its data is keyed by its name
        // A hand-edited or damaged entry is left out rather than trusted.
        if (validateFields(profile, nullptr) && !nameTaken(profile.name, QString()) &&
            !idTaken(profile.id))
            m_custom << profile;
    }
    m_settings->endArray();
    m_settings->endGroup();
}

void ProfileStore::save()
{
    m_settings->beginGroup(kGroup);
    m_settings->remove(kCustom);
    m_settings->beginWriteArray(kCustom, int(m_custom.size()));
    for (int i = 0; i < m_custom.size(); ++i) {
        const Profile &profile = m_custom.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), profile.id);
        m_settings->setValue(QStringLiteral("name"), profile.name);
        m_settings->setValue(QStringLiteral("apiUrl"), profile.apiUrl.toString());
        m_settings->setValue(QStringLiteral("oidcIssuer"), profile.oidcIssuer.toString());
        m_settings->setValue(QStringLiteral("oidcClientId"), profile.oidcClientId);
        m_settings->setValue(QStringLiteral("caFile"), profile.caFile);
    }
    m_settings->endArray();
    m_settings->endGroup();
    // Another store (the next start, a second window) must see the change at once.
    m_settings->sync();
}

} // namespace plexe
