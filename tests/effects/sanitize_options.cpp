// Sanitizer settings of effects_tests_sanitize, built into the executable so a
// run by hand behaves as under ctest (ASAN_OPTIONS / UBSAN_OPTIONS still
// override them). The runtimes look these functions up at start-up.

// Leaks count as failures (LeakSanitizer works in this container); a stack
// frame used after its function returned is caught too, not just the heap.
extern "C" const char* __asan_default_options() {
    return "detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1";
}

// A stack with every UBSan finding: which effect and which row loop.
extern "C" const char* __ubsan_default_options() {
    return "print_stacktrace=1";
}
