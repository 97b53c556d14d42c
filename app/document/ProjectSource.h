#pragma once
// Version 2 of the project file: a typed document's source (its columns with every cell's value
// and state, the listed invalid cells, the missing tokens and the design options) as JSON, and
// back, every field checked (see ProjectFile.h for the layout).

#include "app/document/ProjectJson.h"
#include "model/data/Dataset.h"
#include "model/data/SourceTable.h"

#include <QJsonObject>

class ProjectSource {
public:
    /// The "source" object of a typed document.
    static QJsonObject toJson(const linlab::SourceTable& source);
    /// Reads a "source" object; throws ProjectError naming the field for anything wrong.
    static linlab::SourceTable fromJson(const ProjectJson& reader, const QJsonObject& object);
    /// The dataset of `source`: its design's output, as the document will hold it. Throws
    /// ProjectError naming "source.design" when the design cannot be built, or "source" when it
    /// gives a feature value that is not finite.
    static linlab::Dataset dataset(const ProjectJson& reader, const linlab::SourceTable& source);
};
