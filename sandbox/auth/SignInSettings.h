#pragma once

#include "auth/LoginThrottle.h"
#include "auth/TokenResponse.h"

#include <QtGlobal>

namespace plexe::sandbox {

// The sign-in lifetimes and limits `serve` was given (contract §5 defaults).
struct SignInSettings
{
    qint64 accessTtlSeconds = TokenResponse::kDefaultAccessTtlSeconds;   // --access-token-seconds
    qint64 refreshTtlSeconds = TokenResponse::kDefaultRefreshTtlSeconds; // --refresh-token-days
    qint64 stepUpSeconds = TokenResponse::kDefaultStepUpSeconds;         // --step-up-seconds
    int loginFailureLimit = LoginThrottle::kDefaultMaxFailures;          // --login-failure-limit
    qint64 loginWindowSeconds = LoginThrottle::kDefaultWindowSeconds;    // --login-window-seconds
    qint64 browserSessionSeconds = 12 * 3600; // the /oauth/authorize sign-in cookie
};

} // namespace plexe::sandbox
