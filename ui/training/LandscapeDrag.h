#pragma once
// The mouse on a loss landscape: dragging the current model's point (one undo step a drag, the
// point kept inside the window so the view does not move under the mouse, values rounded to
// the shortest decimal within a quarter pixel), and on hover the MSE under the cursor and a hand
// over the point.

#include <QObject>
#include <QPointF>

class Document;
class LossLandscapeView;
class QLabel;
class QMouseEvent;

class LandscapeDrag : public QObject {
    Q_OBJECT
public:
    /// How near (pixels) a press must be to the point to drag it.
    static constexpr double kGrabRadius = 12.0;

    /// Follows the mouse on `view`'s plot; the hover readout goes to `readout`.
    LandscapeDrag(Document* document, LossLandscapeView* view, QLabel* readout);

    /// True while the point is being dragged.
    bool isDragging() const { return m_dragging; }
    /// Forgets a drag in progress (the document was reset under it).
    void cancel();

signals:
    /// The point was grabbed.
    void started();
    /// The point was let go, the model at its last place.
    void finished();

private:
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void showHover(QMouseEvent* event);
    /// The pixel offset from `position` to the current point.
    QPointF offsetToPoint(const QPointF& position) const;
    void dragTo(const QPointF& pixel);

    Document* m_document;
    LossLandscapeView* m_view;
    QLabel* m_readout;
    bool m_dragging = false;
    int m_dragId = 0;
    QPointF m_grabOffset; ///< pixel offset from the press to the point, kept while dragging
};
