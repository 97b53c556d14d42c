#pragma once
// Fit and Reset, the two one-click model changes: the Model menu and the model panel's buttons
// both push them here, so they are the same undo step with the same text.

class Document;

class ModelActions {
public:
    /// Pushes "Fit Least Squares": the model becomes the document's least-squares fit.
    static void fitLeastSquares(Document* document);
    /// Pushes "Reset Model": the model goes back to the document's default (the lesson's weights).
    static void reset(Document* document);
};
