using PatentWeek.Cms.Cli;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class CmsCommandTests
{
    [Fact]
    public void No_command_leaves_the_arguments_to_the_host()
    {
        var (command, rest) = CmsCommand.Parse(["--urls", "http://127.0.0.1:5000"]);
        Assert.Null(command);
        Assert.Equal(["--urls", "http://127.0.0.1:5000"], rest);
    }

    [Fact]
    public void A_command_takes_its_plain_arguments_and_leaves_the_settings()
    {
        var (command, rest) = CmsCommand.Parse(["export", "out", "--Cms:DataPath", "data"]);
        Assert.NotNull(command);
        Assert.Equal("export", command.Name);
        Assert.Equal(["out"], command.Arguments);
        Assert.Equal(["--Cms:DataPath", "data"], rest);
    }

    [Fact]
    public void Unknown_words_are_not_commands()
    {
        var (command, rest) = CmsCommand.Parse(["serve"]);
        Assert.Null(command);
        Assert.Equal(["serve"], rest);
    }
}
