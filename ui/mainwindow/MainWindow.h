#pragma once

#include "core/LaunchOptions.h"

#include <QMainWindow>

namespace plexe {

// The console's top-level window: hosts the sign-in page and, once signed in, the panes.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const LaunchOptions &options = {}, QWidget *parent = nullptr);

protected:
    void showEvent(QShowEvent *event) override;
};

} // namespace plexe
