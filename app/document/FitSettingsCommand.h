#pragma once
// Changes the fit settings (penalty, alpha, intercept, split, folds) as one undo step; the
// steps of one alpha drag share a merge id and merge into one (MergeIds).

#include "model/fit/FitSetup.h"
#include "model/fit/LinearModel.h"

#include <QUndoCommand>

class Document;

class FitSettingsCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4653; // "FS"

    /// The settings become `settings`; with `refit` the model then becomes their fit
    /// (Document::fittedModel: an alpha drag that moves the weights with it). Throws
    /// std::invalid_argument on bad settings. Undo restores the settings and the model (going
    /// through the origin sets the bias to 0).
    FitSettingsCommand(Document* document, const linlab::FitSettings& settings, const QString& text,
                       int dragId = 0, bool refit = false, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    linlab::FitSettings m_old, m_new;
    linlab::LinearModel m_oldModel;
    int m_dragId;
    bool m_refit;
};
