using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Tests.Unit;

/// <summary>
/// The audit log can only record an <see cref="AuditAction"/> (AuditLog takes no string), so enumerating the enum
/// enumerates every key the code writes: each must have its own stored key and a Chinese label on the audit page.
/// </summary>
public sealed class AuditLabelTests
{
    [Fact]
    public void Every_action_the_code_can_record_has_a_key_and_a_Chinese_label()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in Enum.GetValues<AuditAction>())
        {
            var key = AuditActions.Key(action);
            Assert.True(keys.Add(key), $"{action} shares the key {key}");
            Assert.True(AuditActions.TryParse(key, out var back) && back == action, $"{key} does not lead back to {action}");
            var label = Labels.Action(key);
            Assert.NotEqual(key, label);
            Assert.True(label.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{action} ({key}) is labelled '{label}'");
        }

        Assert.Equal(Enum.GetValues<AuditAction>().Length, AuditActions.All.Count);
        Assert.Contains("上传媒体", Labels.Action("media.upload"), StringComparison.Ordinal);
        Assert.Contains("微信", Labels.Action("wechat.crosspost"), StringComparison.Ordinal);
        Assert.Equal("some.old-key", Labels.Action("some.old-key"));
    }
}
