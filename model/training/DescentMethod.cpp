#include "model/training/DescentMethod.h"

#include "model/training/GradientDescent.h"

namespace linlab {

const char* descentMethodName(DescentMethod method) {
    switch (method) {
    case DescentMethod::Momentum:
        return "momentum";
    case DescentMethod::MiniBatch:
        return "sgd";
    case DescentMethod::GradientDescent:
        break;
    }
    return "gd";
}

std::optional<DescentMethod> parseDescentMethod(std::string_view name) {
    for (DescentMethod method : kDescentMethods)
        if (name == descentMethodName(method))
            return method;
    return std::nullopt;
}

DescentMethod descentMethodOf(const GradientDescentSettings& settings) {
    if (settings.batchSize > 0)
        return DescentMethod::MiniBatch;
    if (settings.momentum > 0)
        return DescentMethod::Momentum;
    return DescentMethod::GradientDescent;
}

} // namespace linlab
