#pragma once
// The undo command behind every derived-feature edit of the window: it replaces the design's list
// of derived features (one added, a few added by a shortcut, one edited or removed).

#include "model/data/DerivedFeature.h"
#include "model/data/Design.h"
#include "model/fit/LinearModel.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

class Document;

/// Makes `derived` the document's derived features. A plain document becomes a typed one first
/// and goes back to plain on undo; new features get weight 0, the others keep theirs (by name);
/// undo restores the options and the model. Push only a list check() accepts.
class DerivedFeatureCommand : public QUndoCommand {
public:
    DerivedFeatureCommand(Document* document, std::vector<linlab::DerivedSpec> derived,
                          const QString& text, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

    /// The document's derived features (none for a plain document).
    static std::vector<linlab::DerivedSpec> current(const Document& document);
    /// The design the document would have with `derived` as its derived features; throws
    /// std::invalid_argument as Design::build does (naming the expression and the first bad row).
    static linlab::Design trial(const Document& document,
                                const std::vector<linlab::DerivedSpec>& derived);
    /// Why `derived` cannot be the document's derived features (trial()'s message), or "".
    static QString check(const Document& document, const std::vector<linlab::DerivedSpec>& derived);
    /// The derived features among `derived` that read column `column`, in order.
    static std::vector<std::string> readers(const std::vector<linlab::DerivedSpec>& derived,
                                            const std::string& column);

private:
    Document* m_document;
    std::vector<linlab::DerivedSpec> m_new;
    bool m_wasTyped;
    linlab::DesignOptions m_old; // as the typed document had them before the first redo
    linlab::LinearModel m_oldModel;
};
