#include "common/Confirmation.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace plexe {

QMessageBox *Confirmation::ask(QWidget *parent, const Request &request, QObject *context,
                               std::function<void(bool)> done)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("confirmationDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setIcon(QMessageBox::Warning);
    box->setTextFormat(Qt::PlainText); // names come from the server
    box->setWindowTitle(request.title);
    box->setText(request.question);
    QStringList facts;
    if (!request.object.isEmpty())
        facts << QCoreApplication::translate("Confirmation", "Object: %1").arg(request.object);
    if (!request.account.isEmpty())
        facts << QCoreApplication::translate("Confirmation", "Account: %1").arg(request.account);
    if (!request.profile.isEmpty())
        facts << QCoreApplication::translate("Confirmation", "Profile: %1").arg(request.profile);
    box->setInformativeText(facts.join(QLatin1Char('\n')));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(cancel->text());
    // AcceptRole, not DestructiveRole: the platform orders it as its affirmative button (on the
    // right on GNOME and macOS; before Cancel on KDE and Windows, as users there expect).
    QPushButton *confirm = box->addButton(request.verb, QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    confirm->setAccessibleName(request.verb);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject::connect(box, &QMessageBox::finished, box, [box, confirm, guard, hasContext, done] {
        if (hasContext && guard.isNull())
            return;
        if (done)
            done(box->clickedButton() == confirm);
    });
    box->open();
    return box;
}

} // namespace plexe
