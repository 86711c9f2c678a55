// Placeholder so that plexe_sandbox_lib has a source until the server lands.
namespace plexe::sandbox {
int placeholder()
{
    return 0;
}
} // namespace plexe::sandbox
