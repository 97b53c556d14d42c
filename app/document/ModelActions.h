#pragma once
// Fit and Reset, the two one-click model changes: the Model menu and the model panel's buttons
// both push them here, so they are the same undo step with the same text.

#include "model/fit/FitSetup.h"

#include <QString>

class Document;

class ModelActions {
public:
    /// Pushes "Fit Least Squares" (or "Fit Ridge", "Fit Lasso"): the model becomes the fit of the
    /// document's fit settings (on the train rows with a split).
    static void fitLeastSquares(Document* document);
    /// The undo text of that fit: "Fit Least Squares", "Fit Ridge" or "Fit Lasso".
    static QString fitText(const linlab::FitSettings& settings);
    /// Pushes "Reset Model": the model goes back to the document's default (the lesson's weights).
    static void reset(Document* document);
};
