#include "shell/Workspace.h"

#include "shell/Pane.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QListWidget>
#include <QStackedWidget>

namespace plexe {

Workspace::Workspace(QWidget *parent)
    : QWidget(parent), m_sidebar(new QListWidget(this)), m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("workspace"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(190);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setBackgroundRole(QPalette::Window);
    layout->addWidget(m_sidebar);
    m_stack->setObjectName(QStringLiteral("paneStack"));
    layout->addWidget(m_stack, 1);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        emit currentPaneChanged(row);
    });
}

void Workspace::addPane(Pane *pane, const QString &iconName, const QString &fallbackIcon)
{
    // The theme's icon where there is one; the bundled SVG otherwise.
    auto *item = new QListWidgetItem(QIcon::fromTheme(iconName, QIcon(fallbackIcon)), pane->title(),
                                     m_sidebar);
    item->setData(Qt::AccessibleTextRole, pane->title());
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(pane->title()).arg(m_panes.size() + 1));
    m_stack->addWidget(pane);
    m_panes.append(pane);
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
}

int Workspace::count() const
{
    return m_panes.size();
}

int Workspace::currentIndex() const
{
    return m_stack->currentIndex();
}

void Workspace::setCurrentIndex(int index)
{
    if (index >= 0 && index < m_panes.size())
        m_sidebar->setCurrentRow(index);
}

Pane *Workspace::currentPane() const
{
    return m_panes.value(m_stack->currentIndex());
}

QVariantMap Workspace::saveState() const
{
    QVariantMap state;
    state.insert(QStringLiteral("pane"), currentIndex());
    for (int i = 0; i < m_panes.size(); ++i)
        state.insert(QStringLiteral("pane%1").arg(i), m_panes[i]->saveState());
    return state;
}

void Workspace::restoreState(const QVariantMap &state)
{
    for (int i = 0; i < m_panes.size(); ++i)
        m_panes[i]->restoreState(state.value(QStringLiteral("pane%1").arg(i)).toMap());
    setCurrentIndex(state.value(QStringLiteral("pane"), 0).toInt());
}

} // namespace plexe
