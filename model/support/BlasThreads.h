#pragma once
// OpenBLAS's own threads, when it is the BLAS Armadillo calls. Plain C++17 (POSIX dlsym).

namespace linlab {

/// Asks OpenBLAS (if it is the BLAS loaded) to use one thread. LinLab splits its large passes
/// over two threads itself; OpenBLAS's workers would otherwise spin on the same two cores after
/// every call, and calls from two threads at once queue behind each other. Returns whether
/// OpenBLAS was found.
bool useSingleThreadedBlas();

} // namespace linlab
