#pragma once
// The lesson's NumPy lines, each with the values it gives right now under it: scale, normalise,
// predict, loss, gradient. Code and picture are the same thing; moving a slider changes both.
// Read-only. Rebuilt at most once per event-loop turn, however many changes arrive in it.

#include <QElapsedTimer>
#include <QTextBrowser>

class Document;
class QTimer;

class LessonPane : public QTextBrowser {
    Q_OBJECT
public:
    /// Matrices and vectors show this many rows, then "… n rows".
    static constexpr int kShownRows = 5;
    /// During a burst of changes (a slider drag) the text is rebuilt at most this often, in ms:
    /// laying it out costs a few ms, and text changing faster cannot be read anyway.
    static constexpr int kMinRebuildInterval = 100;

    explicit LessonPane(Document* document, QWidget* parent = nullptr);
    ~LessonPane() override;

    /// The HTML for the document as it is now (what the next rebuild shows).
    QString lessonHtml() const;

public slots:
    /// Asks for a rebuild on the next event-loop turn; repeated calls before then coalesce.
    void scheduleRebuild();
    /// Rebuilds the text now, keeping the scroll position.
    void rebuild();

protected:
    void changeEvent(QEvent* event) override;

private:
    Document* m_document;
    QTimer* m_rebuildTimer;
    QElapsedTimer m_sinceRebuild;
};
