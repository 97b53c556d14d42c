#pragma once
// What the fit settings add to a loss landscape: the fit the star marks (least squares, ridge or
// lasso, through the origin or not, on the fit rows), computed once a change of data or
// settings and not per slider tick; the penalty's constraint region through that fit in the two
// weights shown (ridge's circle, lasso's diamond) with its label; the words for the loss drawn.

#include "model/fit/FitSetup.h"
#include "model/fit/LinearModel.h"

#include <QString>

#include <qcustomplot.h>

class Document;

class PenaltyOverlay {
public:
    /// The region's curve and label go on `layer` of `plot`.
    PenaltyOverlay(QCustomPlot* plot, QCPLayer* layer);

    /// Refits (FitSetup::fit on the document's fit rows): after a change of data or settings.
    void refit(const Document& document);
    /// The fit the star marks; valid() false when none could be made.
    const linlab::LinearModel& fit() const { return m_fit; }
    bool valid() const { return m_valid; }
    const linlab::FitSettings& settings() const { return m_settings; }

    /// Draws the region over parameters (i, j) (index d is the bias): hidden without a penalty,
    /// when an axis is the bias, or when the fit has no size there.
    void draw(arma::uword i, arma::uword j);
    void hide();
    QCPCurve* curve() const { return m_curve; }
    QCPItemText* label() const { return m_label; }
    /// The region's radius drawn (NaN when hidden).
    double radius() const { return m_radius; }

    /// "MSE", "ridge loss" or "lasso loss": the colour bar's title.
    QString lossName() const;
    /// The star's legend entry: "least squares", "ridge fit" or "lasso fit".
    QString fitName() const;

private:
    QCustomPlot* m_plot;
    QCPCurve* m_curve;
    QCPItemText* m_label;
    linlab::FitSettings m_settings;
    linlab::LinearModel m_fit;
    bool m_valid = false;
    double m_radius = arma::datum::nan;
};
