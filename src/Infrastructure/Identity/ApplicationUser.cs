using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser<int>;
