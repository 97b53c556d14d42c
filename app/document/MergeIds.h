#pragma once
// Undo merge ids: SetModelCommands with the same non-zero id merge into one undo step (a slider
// drag, a typing session, a landscape drag, a gradient-descent run). Every source takes its ids
// here, so two sources never hand out the same one; an id written as a literal could meet one.

/// A fresh merge id, never 0 and never the same twice in a process. GUI thread only.
int nextMergeId();
