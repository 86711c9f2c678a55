// Fuzz target for the loopback receiver's request parser and the callback checks behind it.
#include "auth/CallbackValidator.h"
#include "auth/LoopbackRequestParser.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <cstdlib>

using namespace plexe;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // an invariant broke: libFuzzer keeps the input
}

bool isControlFree(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = LoopbackRequestParser::parse(bytes);
    switch (result.state) {
    case LoopbackRequestParser::State::Incomplete:
        check(size <= size_t(LoopbackRequestParser::kMaxRequestBytes));
        check(!bytes.contains('\0'));
        break;
    case LoopbackRequestParser::State::Rejected:
        check(result.httpStatus >= 400 && result.httpStatus <= 505 && !result.reason.isEmpty());
        break;
    case LoopbackRequestParser::State::Complete: {
        check(bytes.startsWith("GET /callback"));
        check(result.request.path == LoopbackRequestParser::callbackPath());
        for (const auto &item : result.request.query) {
            check(!item.first.isEmpty());
            check(isControlFree(item.first) && isControlFree(item.second));
        }
        const CallbackValidator validator("fuzz-state", QStringLiteral("https://issuer"));
        const CallbackOutcome outcome = validator.validate(result.request.query);
        check(outcome.kind != CallbackOutcome::Kind::Code || !outcome.code.isEmpty());
        (void)outcome.userMessage();
        break;
    }
    }

    // The same bytes as a pasted address (A9 fallback) and as a raw query.
    const CallbackValidator validator("fuzz-state", QString());
    const QString address = QString::fromUtf8(bytes);
    const auto pasted =
        validator.validateAddress(address, QUrl(QStringLiteral("http://127.0.0.1:5000/callback")));
    check(pasted.kind != CallbackOutcome::Kind::Code || !pasted.code.isEmpty());
    (void)LoopbackRequestParser::parseQuery(bytes);
    return 0;
}
