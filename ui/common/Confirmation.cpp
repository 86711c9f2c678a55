#include "common/Confirmation.h"

#include "core/DisplayText.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPointer>
#include <QProxyStyle>
#include <QPushButton>

namespace plexe {

namespace {

// The Windows and KDE button layouts put AcceptRole left of Cancel (the offscreen and bare X11
// platforms use the Windows one); the GNOME and macOS ones put it on the right. This style
// keeps the latter so that the verb is on the right everywhere, with Cancel and the verb keeping
// their roles (Esc, screen readers).
class VerbOnTheRightStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                  QStyleHintReturn *returnData) const override
    {
        const int value = QProxyStyle::styleHint(hint, option, widget, returnData);
        if (hint != SH_DialogButtonLayout || value == QDialogButtonBox::MacLayout ||
            value == QDialogButtonBox::GnomeLayout)
            return value;
        return QDialogButtonBox::GnomeLayout;
    }
};

} // namespace

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
    // QMessageBox has no format for its informative text: it is Qt::AutoText with external
    // links on, and the facts name server and user text (a key called <img src=…>).
    box->setInformativeText(DisplayText::forAutoText(facts.join(QLatin1Char('\n'))));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(cancel->text());
    // AcceptRole, not DestructiveRole: with the style above it is on the right, after Cancel.
    QPushButton *confirm = box->addButton(request.verb, QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    confirm->setAccessibleName(request.verb);
    box->setDefaultButton(cancel);
    // On the message box's button box itself (a widget's style does not reach its children).
    // Not owned by the widget: as the box's child it lives as long as the box. No base style:
    // the proxy follows the application's style without owning it.
    if (auto *buttons = box->findChild<QDialogButtonBox *>()) {
        auto *style = new VerbOnTheRightStyle;
        style->setParent(box);
        buttons->setStyle(style);
    }
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
