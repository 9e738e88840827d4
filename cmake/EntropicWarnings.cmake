# Warnings for our own targets only: third-party headers are included as SYSTEM.
# A warning fails the build (ENTROPIC_WERROR, on by default), so `make test`
# and CI hold the tree warning-free; configure with -DENTROPIC_WERROR=OFF to
# try a newer compiler without stopping at its new warnings.
option(ENTROPIC_WERROR "Treat warnings in Entropic's own code as errors" ON)

function(entropic_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local -Wno-missing-field-initializers)
  if(ENTROPIC_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
