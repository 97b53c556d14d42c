#pragma once
// Writing files so that a failure never leaves a half-written file behind. Plain C++17.

#include <string>
#include <string_view>

namespace linlab {

/// Writes `content` to a temporary file beside `path`, flushes it, then renames it over `path`.
/// Throws std::runtime_error naming the path and the system's reason; on failure the old file
/// (if any) is untouched and the temporary file is removed.
void writeFileAtomically(const std::string& path, std::string_view content);

} // namespace linlab
