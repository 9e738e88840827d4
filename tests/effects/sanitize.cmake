# The effects library and its tests built a second time under AddressSanitizer
# and UBSan, run by every `make test` (ctest label `sanitize`): an out-of-bounds
# read or write, a signed overflow or a bad shift at any size or parameter value
# stops the test instead of passing unnoticed with a plausible picture.
# Included from tests/effects/CMakeLists.txt, after EFFECTS_TEST_SOURCES.
option(ENTROPIC_SANITIZE_TESTS "Also build and run the effects tests under ASan and UBSan" ON)
if(NOT ENTROPIC_SANITIZE_TESTS)
  return()
endif()

# Every UBSan finding aborts (no recovering, so ctest sees it). GCC leaves
# float-cast-overflow out of `undefined`; it is in: a double out of int's range
# cast to an index is how a parameter extreme turns into a wild read. -O1 -g1
# (line tables: reports still name file and line) compiles fx/dither.cpp in
# half the time -O2 -g takes; the whole run is about 1.5 CPU minutes anyway.
set(ENTROPIC_SANITIZER_FLAGS
  -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=undefined,float-cast-overflow
  -fno-omit-frame-pointer -O1 -g1)

# The same sources, include folders, options and libraries as entropic_effects
# (read from the target, so the two never drift apart), plus the sanitizers.
get_target_property(entropic_effects_sources entropic_effects SOURCES)
add_library(entropic_effects_sanitize STATIC ${entropic_effects_sources})
target_include_directories(entropic_effects_sanitize
  PUBLIC $<TARGET_PROPERTY:entropic_effects,INTERFACE_INCLUDE_DIRECTORIES>
  PRIVATE $<TARGET_PROPERTY:entropic_effects,INCLUDE_DIRECTORIES>)
target_compile_options(entropic_effects_sanitize PRIVATE
  $<TARGET_PROPERTY:entropic_effects,COMPILE_OPTIONS> ${ENTROPIC_SANITIZER_FLAGS})
target_link_libraries(entropic_effects_sanitize PRIVATE $<TARGET_PROPERTY:entropic_effects,LINK_LIBRARIES>)
target_link_options(entropic_effects_sanitize INTERFACE -fsanitize=address,undefined)

entropic_test(effects_tests_sanitize
  SOURCES ${EFFECTS_TEST_SOURCES} sanitize_options.cpp test_sanitize_bounds.cpp
  LIBS entropic_effects_sanitize Threads::Threads PkgConfig::TURBOJPEG
  LABELS sanitize)
target_compile_options(effects_tests_sanitize PRIVATE ${ENTROPIC_SANITIZER_FLAGS})
