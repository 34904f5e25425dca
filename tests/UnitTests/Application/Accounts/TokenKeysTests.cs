using AssetManager.Application.Accounts;

namespace AssetManager.UnitTests.Application.Accounts;

public sealed class TokenKeysTests
{
    [Fact]
    public void A_key_is_40_lowercase_hex_chars_160_bits()
    {
        var key = TokenKeys.NewKey();
        Assert.Matches("^[0-9a-f]{40}$", key);
    }

    [Fact]
    public void Keys_are_random()
    {
        var keys = Enumerable.Range(0, 500).Select(_ => TokenKeys.NewKey()).ToHashSet();
        Assert.Equal(500, keys.Count);
    }

    [Fact]
    public void The_hash_is_sha256_as_lowercase_hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenKeys.Hash("abc"));
    }

    [Fact]
    public void The_hash_is_stable_and_never_the_key()
    {
        var key = TokenKeys.NewKey();
        var hash = TokenKeys.Hash(key);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, TokenKeys.Hash(key));
        Assert.NotEqual(key, hash);
        Assert.DoesNotContain(key, hash);
        Assert.NotEqual(hash, TokenKeys.Hash(TokenKeys.NewKey()));
    }
}
