#pragma once
// `linlab --batch`: the model without a window. Plain C++17 so that tests and fuzzers can run it
// in-process.

#include <iosfwd>
#include <string>
#include <vector>

namespace linlab {

class BatchHooks;

class BatchCommand {
public:
    enum ExitCode { Done = 0, BadUsage = 2, BadData = 3, WriteFailed = 4 };

    /// Runs the batch command on the arguments after the program name. The report goes to `out`
    /// (or --output), messages to `err`; nothing is written to `out` unless the result is Done.
    /// `hooks` reads and writes projects and draws plots; without it those options are refused.
    static int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   BatchHooks* hooks = nullptr);
    /// True when the arguments ask for something only the hooks can do (a project, a plot).
    static bool needsHooks(const std::vector<std::string>& args);
};

} // namespace linlab
