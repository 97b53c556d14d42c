// libFuzzer target: the project loader. Any bytes must load or give a ProjectError.

#include "app/document/ProjectFile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    try {
        const ProjectState state = ProjectFile::fromJson(json, QStringLiteral("fuzz.linlab"));
        // A loaded project is consistent: one weight per feature, finite numbers.
        if (state.model.weights().n_elem != state.dataset.featureCount() ||
            !state.dataset.features().is_finite())
            __builtin_trap();
        // And it saves back to something that loads to the same shape.
        const ProjectState again =
            ProjectFile::fromJson(ProjectFile::toJson(state), QStringLiteral("again"));
        if (again.dataset.rowCount() != state.dataset.rowCount())
            __builtin_trap();
        // A typed source (version 2) comes back with the same table and design output.
        if (bool(again.source) != bool(state.source) ||
            (state.source &&
             (again.source->table.rowCount() != state.source->table.rowCount() ||
              again.source->table.columnCount() != state.source->table.columnCount() ||
              again.dataset.featureNames() != state.dataset.featureNames())))
            __builtin_trap();
    } catch (const ProjectError&) {
    }
    return 0;
}
