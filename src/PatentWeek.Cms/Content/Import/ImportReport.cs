namespace PatentWeek.Cms.Content.Import;

public sealed record ImportReport(int Created, int Updated, int Unchanged, int Editions, int Cities)
{
    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Unchanged} unchanged; {Editions} editions and {Cities} cities added";
}
