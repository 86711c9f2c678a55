#pragma once

#include <QWidget>

class QLabel;

namespace plexe {

// What the window shows while it restores a session or starts the sandbox: a spinner and a
// line of what is happening, never a blank window.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);
    void setText(const QString &text);
    QString text() const;

private:
    QLabel *m_label;
};

} // namespace plexe
