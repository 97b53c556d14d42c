#pragma once
// `linlab --batch`: the model without a window. Plain C++17 so that tests and fuzzers can run it
// in-process.

#include <iosfwd>
#include <string>
#include <vector>

namespace linlab {

class BatchCommand {
public:
    enum ExitCode { Done = 0, BadUsage = 2, BadData = 3, WriteFailed = 4 };

    /// Runs the batch command on the arguments after the program name. The report goes to `out`
    /// (or --output), messages to `err`; nothing is written to `out` unless the result is Done.
    static int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

} // namespace linlab
