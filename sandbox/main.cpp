// Placeholder until the sandbox lands.
#include <cstdio>
int main()
{
    std::puts("plexe-sandbox: not built yet");
    return 1;
}
