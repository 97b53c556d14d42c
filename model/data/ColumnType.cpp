#include "model/data/ColumnType.h"

namespace linlab {

const char* columnTypeName(ColumnType type) {
    switch (type) {
    case ColumnType::Numeric:
        return "numeric";
    case ColumnType::Date:
        return "date";
    case ColumnType::Categorical:
        return "categorical";
    case ColumnType::Text:
        return "text";
    }
    return "numeric";
}

std::optional<ColumnType> columnTypeFromName(std::string_view name) {
    for (ColumnType type :
         {ColumnType::Numeric, ColumnType::Date, ColumnType::Categorical, ColumnType::Text})
        if (name == columnTypeName(type))
            return type;
    return std::nullopt;
}

} // namespace linlab
