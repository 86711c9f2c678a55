#pragma once

#include <QList>
#include <QVariantMap>
#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace plexe {

class Pane;

// The signed-in part of the window: the sidebar (API Keys, Access Logs, Models, Account) and a
// stack of panes, one shown at a time.
class Workspace : public QWidget
{
    Q_OBJECT

public:
    explicit Workspace(QWidget *parent = nullptr);

    // Adds a pane with its sidebar entry (the entry's text is its accessible name).
    void addPane(Pane *pane, const QString &iconName, const QString &fallbackIcon);
    int count() const;
    int currentIndex() const;
    void setCurrentIndex(int index);
    Pane *currentPane() const;
    QList<Pane *> panes() const { return m_panes; }

    // Where the user was: the pane and each pane's filters and selection.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

signals:
    void currentPaneChanged(int index);

private:
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QList<Pane *> m_panes;
};

} // namespace plexe
