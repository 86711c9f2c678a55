#pragma once
// What a Qt::AutoText place (a tooltip, a message box's informative text) shows for a string:
// Qt takes it as HTML when Qt::mightBeRichText says so, and then QTextDocument lays it out,
// loading every image it names. The security property (issue 21 items 1 and 3) is that server
// text shows as the very characters it has, with no image and no link.

#include <QString>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

namespace plexe::test {

struct AutoTextRendering
{
    bool rich = false; // Qt would parse it as HTML
    QString shown;     // the characters a reader sees (line breaks as '\n')
    int images = 0;    // <img> elements Qt would load
    int anchors = 0;   // links
};

// Without QTextDocument's layout (which is what loads images): parsing is enough to count them.
inline AutoTextRendering renderAutoText(const QString &text)
{
    AutoTextRendering r;
    r.rich = Qt::mightBeRichText(text);
    if (!r.rich) {
        r.shown = text;
        return r;
    }
    QTextDocument document;
    document.setHtml(text);
    r.shown = document.toPlainText();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                ++r.images;
            if (format.isAnchor())
                ++r.anchors;
        }
    }
    return r;
}

} // namespace plexe::test
