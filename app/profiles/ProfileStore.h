#pragma once

#include "profiles/Profile.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

class QSettings;

namespace plexe {

// The profiles: two built in ("Plexe Cloud", "Local sandbox") and the user's own, stored in
// QSettings under "profiles" (never a secret), plus per-run overrides that are never stored.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxNameLength = 64;

    // The settings object is not owned and must outlive the store.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    // Built-ins first, then the user's profiles in the order they were added; with this run's
    // overrides applied.
    QList<Profile> profiles() const;
    // With this run's override applied (what to connect to).
    std::optional<Profile> find(const QString &name) const;
    // As stored, without this run's override (what an edit dialog should show and save).
    std::optional<Profile> stored(const QString &name) const;

    bool add(const Profile &profile, QString *error);
    // Built-in profiles cannot be changed (their name is also their identity).
    bool update(const QString &oldName, const Profile &profile, QString *error);
    // Built-in profiles cannot be removed.
    bool remove(const QString &name, QString *error);

    // The profile used last, if it still exists; else "Plexe Cloud".
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // Name non-empty, no surrounding spaces, at most 64 characters, no control characters; API
    // URL (and issuer, if set) allowed by ApiClient::isAllowedUrl; CA file readable if set.
    // Uniqueness needs the store: add() and update() check it.
    static bool validate(const Profile &profile, QString *error);

    // --api-url / --ca-file / the sandbox launcher's address, for this run only: never written
    // to the settings. An empty apiUrl or caFile leaves the stored value in place.
    void setSessionOverride(const QString &name, const QUrl &apiUrl, const QString &caFile);
    void clearSessionOverride(const QString &name);

    // The profile with this id, with this run's override applied.
    std::optional<Profile> findById(const QString &id) const;

signals:
    void changed();
    // A custom profile was removed: whatever is kept for `profile.id` is to be deleted, whether
    // or not the profile was opened in this run (emitted before changed()).
    void removed(const plexe::Profile &profile);

private:
    struct Override
    {
        QUrl apiUrl;
        QString caFile;
    };

    QList<Profile> builtIns() const;
    Profile withOverride(Profile profile) const;
    bool nameTaken(const QString &name, const QString &except) const;
    bool idTaken(const QString &id) const;
    void load();
    void save();

    QSettings *m_settings;
    QList<Profile> m_custom;
    QHash<QString, Override> m_overrides;
};

} // namespace plexe
