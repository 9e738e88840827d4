# A short run of entropic-live-bench in ctest (the full one is `make bench`):
# a 20 s clip made here, two hits by key and two by MIDI note. Passes when the
# bench measured every hit; the figures themselves are not judged here (speed
# is measured by make bench, never asserted in ctest). Without a JACK server
# the MIDI half reports why, and the test says it skipped that half.
#   cmake -DBENCH=… -DFFMPEG=… -DWORK=… -P live-bench-smoke.cmake
file(MAKE_DIRECTORY ${WORK})
set(clip ${WORK}/live-smoke.mp4)
if(NOT EXISTS ${clip})
  execute_process(COMMAND ${FFMPEG} -v error -nostdin -y -f lavfi
    -i testsrc2=s=320x240:r=30:d=20 -c:v libx264 -preset ultrafast -g 30 ${clip}
    RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "could not make ${clip}")
  endif()
endif()
execute_process(COMMAND ${BENCH} ${clip} --hits 2 OUTPUT_VARIABLE out ERROR_VARIABLE err
  RESULT_VARIABLE rc TIMEOUT 240)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "entropic-live-bench failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "${out}")
string(JSON keys GET "${out}" key_to_frame_ms n)
if(NOT keys EQUAL 2)
  message(FATAL_ERROR "measured ${keys} of 2 key hits")
endif()
string(JSON midiError ERROR_VARIABLE noError GET "${out}" midi_to_frame_ms error)
if(noError)
  string(JSON notes GET "${out}" midi_to_frame_ms n)
  if(NOT notes EQUAL 2)
    message(FATAL_ERROR "measured ${notes} of 2 MIDI hits")
  endif()
else()
  message(STATUS "MIDI half skipped: ${midiError}")
endif()
