# entropic-jpeg-bench: JPEG Q95 encode/decode (full, 1/2, 1/4) and frame-ring
# costs at 1080p, printed as JSON. Included from tests/bench/CMakeLists.txt.
add_executable(entropic-jpeg-bench ${CMAKE_CURRENT_LIST_DIR}/jpeg_bench.cpp)
target_link_libraries(entropic-jpeg-bench PRIVATE entropic_ipc)
entropic_warnings(entropic-jpeg-bench)
