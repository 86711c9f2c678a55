#pragma once

#include "shell/Pane.h"

namespace plexe {

// Stands in for a pane whose issue has not landed yet: its title and one sentence.
class PlaceholderPane : public Pane
{
    Q_OBJECT

public:
    PlaceholderPane(const QString &title, const QString &sentence, QWidget *parent = nullptr);
    QString title() const override { return m_title; }

private:
    QString m_title;
};

} // namespace plexe
