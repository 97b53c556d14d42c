#include "app/document/DerivedFeatureCommand.h"

#include "app/document/Document.h"
#include "model/data/DesignRoles.h"

#include <QtGlobal>

#include <algorithm>
#include <exception>
#include <optional>
#include <stdexcept>

using namespace linlab;

DerivedFeatureCommand::DerivedFeatureCommand(Document* document, std::vector<DerivedSpec> derived,
                                             const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_new(std::move(derived))
    , m_wasTyped(document->isTyped()) {}

void DerivedFeatureCommand::redo() {
    // Checked before the push: a refusal here is a safety net, said and never thrown into Qt.
    try {
        m_document->setTyped(true);
        m_old = m_document->source().design;
        m_oldModel = m_document->model();
        DesignOptions options = m_old;
        options.derived = m_new;
        m_document->setDesignOptions(options);
    } catch (const std::exception& e) {
        qWarning("DerivedFeatureCommand::redo: %s", e.what());
    }
}

void DerivedFeatureCommand::undo() {
    try {
        m_document->setDesignOptions(m_old, &m_oldModel);
        if (!m_wasTyped)
            m_document->setTyped(false);
    } catch (const std::exception& e) {
        qWarning("DerivedFeatureCommand::undo: %s", e.what());
    }
}

std::vector<DerivedSpec> DerivedFeatureCommand::current(const Document& document) {
    return document.isTyped() ? document.source().design.derived : std::vector<DerivedSpec>{};
}

Design DerivedFeatureCommand::trial(const Document& document,
                                    const std::vector<DerivedSpec>& derived) {
    // What redo() builds: the typed table (a plain dataset's as setTyped makes it).
    std::optional<TypedTable> plain;
    DesignOptions options;
    if (document.isTyped()) {
        options = document.source().design;
    } else {
        plain = TypedTable::fromDataset(document.dataset());
        options.label = document.dataset().labelName();
        options.features = document.dataset().featureNames();
    }
    const TypedTable& table = plain ? *plain : document.source().table;
    options.derived = derived;
    return Design::build(table, DesignRoles::sanitized(table, options));
}

QString DerivedFeatureCommand::check(const Document& document,
                                     const std::vector<DerivedSpec>& derived) {
    try {
        trial(document, derived);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

std::vector<std::string> DerivedFeatureCommand::readers(const std::vector<DerivedSpec>& derived,
                                                        const std::string& column) {
    std::vector<std::string> out;
    for (const DerivedSpec& spec : derived) {
        try {
            const DerivedFeature feature(spec);
            const std::vector<std::string>& sources = feature.sources();
            // A dummy COLUMN=LEVEL reads its column too.
            if (std::any_of(sources.begin(), sources.end(), [&](const std::string& s) {
                    return s == column || s.compare(0, column.size() + 1, column + "=") == 0;
                }))
                out.push_back(spec.name);
        } catch (const std::invalid_argument&) {
            // A list the design accepted parses; nothing reads through one that does not.
        }
    }
    return out;
}
