namespace PatentWeek.WeChat.Push;

/// <summary>
/// A push that fails verification or decryption. <see cref="Code"/> is the number WeChat's own sample library
/// (WXBizMsgCrypt) uses for the same failure, so logs read the same as everyone else's.
/// </summary>
public sealed class WeChatCryptoException : Exception
{
    public const int ValidateSignatureError = -40001;
    public const int ParseXmlError = -40002;
    public const int IllegalAesKey = -40004;
    public const int ValidateAppIdError = -40005;
    public const int DecryptAesError = -40007;
    public const int IllegalBuffer = -40008;
    public const int DecodeBase64Error = -40010;

    public WeChatCryptoException(int code, string message)
        : base(message) => Code = code;

    public WeChatCryptoException()
    {
    }

    public WeChatCryptoException(string message)
        : base(message)
    {
    }

    public WeChatCryptoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Code { get; }
}
