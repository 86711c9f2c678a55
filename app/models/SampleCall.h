#pragma once

#include <QJsonObject>
#include <QString>

namespace plexe {

// The sample calls the Models pane offers for copying: `curl` and Python `requests` against a
// model's endpoint, with an example body built from its input schema. The key is always the
// placeholder $PLEXE_API_KEY (read from the environment), never a real key: the snippet goes to
// the normal clipboard and into shell histories. Server text (endpoint, field names) is
// neutralised and quoted for its language, so that a hostile name cannot break out of a quote.
class SampleCall
{
public:
    static QString curl(const QString &endpoint, const QJsonObject &inputSchema);
    static QString python(const QString &endpoint, const QJsonObject &inputSchema);

    // A POSIX shell single-quoted word.
    static QString shellQuoted(const QString &text);
};

} // namespace plexe
