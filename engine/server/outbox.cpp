#include "outbox.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>
#include <utility>

namespace entropic::engine {

Outbox::Outbox() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("cannot create the reply eventfd");
}

Outbox::~Outbox() {
    ::close(fd_);
}

void Outbox::post(OutgoingMessage message) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(message));
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(fd_, &one, sizeof one);
}

std::deque<OutgoingMessage> Outbox::takeAll() {
    std::uint64_t count = 0;
    [[maybe_unused]] auto read = ::read(fd_, &count, sizeof count);
    std::lock_guard lock(mutex_);
    return std::exchange(queue_, {});
}

} // namespace entropic::engine
