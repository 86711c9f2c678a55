#pragma once

#include <QTableView>

namespace plexe {

class LogTableModel;

// The Access Logs table: fixed row heights (a million rows scroll without measuring any), sort
// by clicking a column header (the model re-queries; no proxy), and Copy row on Ctrl+C and in
// the context menu (the rows as shown, tab-separated).
class LogTableView : public QTableView
{
    Q_OBJECT

public:
    // Larger selections are what Export is for.
    static constexpr int kMaxCopiedRows = 10000;

    explicit LogTableView(LogTableModel *model, QWidget *parent = nullptr);
    ~LogTableView() override;

    // The selected rows (or the current one) as text, one line each.
    QString selectedText() const;
    void copyRows();

private:
    void showMenu(const QPoint &position);

    LogTableModel *m_model;
};

} // namespace plexe
