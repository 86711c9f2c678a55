#include "logs/LogTableView.h"

#include "logs/LogTableModel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace plexe {

LogTableView::LogTableView(LogTableModel *model, QWidget *parent)
    : QTableView(parent), m_model(model)
{
    setObjectName(QStringLiteral("logTable"));
    setAccessibleName(tr("Access log events"));
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    for (QAbstractButton *corner : findChildren<QAbstractButton *>()) {
        corner->setObjectName(QStringLiteral("logTableCornerButton"));
        corner->setAccessibleName(tr("Select all events"));
    }
    QHeaderView *rows = verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setSortIndicatorShown(true);
    columns->setSectionsClickable(true);
    columns->setSortIndicator(int(LogColumn::Time), Qt::DescendingOrder);
    const int widths[] = {140, 125, 65, 140, 95, 100, 210, 50, 110};
    for (int c = 0; c < int(std::size(widths)); ++c)
        setColumnWidth(c, widths[c]);

    auto *copy = new QAction(tr("Copy row"), this);
    copy->setObjectName(QStringLiteral("copyRowAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &LogTableView::copyRows);
    addAction(copy);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &LogTableView::showMenu);
}

LogTableView::~LogTableView() = default;

QString LogTableView::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && currentIndex().isValid())
        rows << currentIndex().row();
    std::sort(rows.begin(), rows.end());
    if (rows.size() > kMaxCopiedRows)
        rows.resize(kMaxCopiedRows);
    QStringList lines;
    for (int row : std::as_const(rows))
        lines << m_model->rowText(row);
    return lines.join(QLatin1Char('\n'));
}

void LogTableView::copyRows()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogTableView::showMenu(const QPoint &position)
{
    const QModelIndex index = indexAt(position);
    if (!index.isValid())
        return;
    if (!selectionModel()->isRowSelected(index.row(), {}))
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("logTableMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Copy row"), this, &LogTableView::copyRows)
        ->setObjectName(QStringLiteral("copyRowMenuAction"));
    menu->popup(viewport()->mapToGlobal(position));
}

} // namespace plexe
