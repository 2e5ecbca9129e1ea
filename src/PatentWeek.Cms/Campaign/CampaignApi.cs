using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Campaign.Exports;
using PatentWeek.Cms.Campaign.Forms;
using PatentWeek.Cms.Campaign.Reminders;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Campaign;

/// <summary>
/// The campaign's paperwork in the management API, under <c>/api/manage/v1/editions/{number}</c>: the tasks, and each
/// city's plan and report with their steps. Roles are the groups' policies; the city and the state are decided by
/// <see cref="SubmissionService"/>, so the admin and the API refuse alike.
/// </summary>
public static class CampaignApi
{
    public const long MaxWriteBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapCampaignApi(this IEndpointRouteBuilder app)
    {
        var edition = app.MapGroup("/api/manage/v1/editions/{number:int}")
            .WithTags("Campaign")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter<WorkflowExceptionFilter>()
            .RefuseNullBodies()
            .WithJsonBodyLimit(MaxWriteBytes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        edition.MapGet("/tasks", Tasks).WithSummary("What the edition asks of the cities, with the dates");
        edition.MapPut("/tasks/{kind:regex(^(plan|report)$)}", UpdateTask).RequireAuthorization(Policies.Administrators)
            .WithSummary("Set a task's dates, grace, title pattern and cities").ProducesValidationProblem();
        edition.MapGet("/metrics", Metrics).WithSummary("The figures the edition's reports give");
        edition.MapPut("/metrics", UpdateMetrics).RequireAuthorization(Policies.Administrators)
            .WithSummary("Replace the edition's metrics (a metric cities filled in stays)").ProducesValidationProblem();
        edition.MapGet("/compliance", ComplianceTable).RequireAuthorization(Policies.Reviewers)
            .WithSummary("Every city's plan, events, stories, report and figures, with the province's totals (the office only)");
        edition.MapGet("/summary.docx", SummaryWord).RequireAuthorization(Policies.Publishers)
            .WithSummary("The province's summary, a Word draft in the report's six sections").Produces(StatusCodes.Status200OK, contentType: SummaryDocx.ContentType);
        edition.MapGet("/summary.xlsx", SummaryExcel).RequireAuthorization(Policies.Publishers)
            .WithSummary("The cities' figures, media reports and events as a workbook").Produces(StatusCodes.Status200OK, contentType: SummaryXlsx.ContentType);
        edition.MapPost("/reminders", Remind).RequireAuthorization(Policies.Publishers)
            .WithSummary("Remind the given cities (or every city that owes something) now").ProducesValidationProblem();
        MapKind<PlanForm>(edition.MapGroup("/plans/{city}"), "plan");
        edition.MapPost("/plans/{city}/events/{index:int}/item", EventItem).RequireAuthorization(Policies.Authors)
            .WithSummary("Make a planned event into a draft event item of the city (once)").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        edition.MapPost("/plans/{city}/extension", Extend<PlanForm>).RequireAuthorization(Policies.Publishers)
            .WithSummary("Give the city a later due day for its plan, with the reason").ProducesValidationProblem();
        edition.MapPost("/reports/{city}/public", Publish).RequireAuthorization(Policies.Publishers)
            .WithSummary("Show (or hide) an accepted report's highlights on the city's public page").ProducesProblem(StatusCodes.Status409Conflict);
        edition.MapPost("/reports/{city}/extension", Extend<ReportForm>).RequireAuthorization(Policies.Publishers)
            .WithSummary("Give the city a later due day for its report, with the reason").ProducesValidationProblem();
        MapKind<ReportForm>(edition.MapGroup("/reports/{city}"), "report");
        return app;
    }

    private static void MapKind<TForm>(RouteGroupBuilder slot, string name)
        where TForm : ISubmissionForm<TForm>, new()
    {
        slot.MapGet("/", Get<TForm>).WithName($"get-{name}").WithSummary($"A city's {name} (status 'missing' before its first save)");
        slot.MapPut("/", Save<TForm>).RequireAuthorization(Policies.Authors).WithSummary($"Save the city's {name} as its draft")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        slot.MapPost("/submit", Submit<TForm>).RequireAuthorization(Policies.Authors).WithSummary($"Submit the saved {name}; 422 names every field it lacks")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        slot.MapPost("/return", Return<TForm>).RequireAuthorization(Policies.Reviewers).WithSummary($"Return the submitted {name} with a comment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        slot.MapPost("/accept", Accept<TForm>).RequireAuthorization(Policies.Reviewers).WithSummary($"Accept the submitted {name}")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<CampaignTasksDto>, ProblemHttpResult>> Tasks(int number, CmsDbContext db, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Tasks).FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (edition is null)
            return Problems.NotFound(CampaignRefusals.NoSuchEdition().Detail);
        return TypedResults.Ok(new CampaignTasksDto([.. edition.Tasks.OrderBy(t => t.Kind).Select(CampaignTaskDto.From)]));
    }

    public static async Task<Ok<CampaignTaskDto>> UpdateTask(int number, string kind, TaskWriteRequest request, ClaimsPrincipal principal, CampaignSettingsService settings, CancellationToken cancellationToken)
    {
        var task = await settings.UpdateTaskAsync(Actor.From(principal), number, kind == "plan" ? SubmissionKind.Plan : SubmissionKind.Report, request, cancellationToken);
        return TypedResults.Ok(CampaignTaskDto.From(task));
    }

    public static async Task<Results<Ok<MetricsDto>, ProblemHttpResult>> Metrics(int number, CmsDbContext db, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Metrics).FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        return edition is null ? Problems.NotFound(CampaignRefusals.NoSuchEdition().Detail) : TypedResults.Ok(MetricsDto.From(edition.Metrics));
    }

    public static async Task<Ok<MetricsDto>> UpdateMetrics(int number, List<MetricWriteRequest> request, ClaimsPrincipal principal, CampaignSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(MetricsDto.From(await settings.UpdateMetricsAsync(Actor.From(principal), number, request, cancellationToken)));

    public static async Task<Results<Ok<ComplianceDto>, ProblemHttpResult>> ComplianceTable(int number, ComplianceQueries compliance, CancellationToken cancellationToken) =>
        await compliance.OfAsync(number, cancellationToken) is { } table
            ? TypedResults.Ok(ComplianceDto.From(table))
            : Problems.NotFound(CampaignRefusals.NoSuchEdition().Detail);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SummaryWord(int number, ProvincialSummaryQueries summaries, TimeProvider time, CancellationToken cancellationToken) =>
        await summaries.OfAsync(number, cancellationToken) is { } summary
            ? TypedResults.File(SummaryDocx.Write(summary, time.GetUtcNow().UtcDateTime), SummaryDocx.ContentType, summary.Title + ".docx")
            : Problems.NotFound(CampaignRefusals.NoSuchEdition().Detail);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SummaryExcel(int number, ProvincialSummaryQueries summaries, CancellationToken cancellationToken) =>
        await summaries.OfAsync(number, cancellationToken) is { } summary
            ? TypedResults.File(SummaryXlsx.Write(summary), SummaryXlsx.ContentType, $"第{number}届中国专利周各市州数据.xlsx")
            : Problems.NotFound(CampaignRefusals.NoSuchEdition().Detail);

    public static async Task<Ok<ExtensionDto>> Extend<TForm>(
        int number, string city, ExtensionRequest request, ClaimsPrincipal principal, DeadlineExtensionService extensions, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var actor = Actor.From(principal);
        var granted = await extensions.ExtendAsync(actor, number, TForm.Kind, city, request.DueOn, request.Reason, cancellationToken);
        var slot = await service.LoadAsync(actor, number, TForm.Kind, city, cancellationToken);
        return TypedResults.Ok(new ExtensionDto(city, granted.DueOn, BeijingTime.ToBeijing(slot.DueAt), granted.Reason, granted.GrantedBy, BeijingTime.ToBeijing(granted.GrantedAt)));
    }

    public static async Task<Ok<SubmissionDto<ReportForm>>> Publish(
        int number, string city, PublicRequest request, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
    {
        if (request.Public is not { } shown)
            throw RequestValidationException.Field("public", CampaignRefusals.Required("public"));
        var slot = await service.SetPublicAsync(Actor.From(principal), number, city, shown, cancellationToken);
        return TypedResults.Ok(await DtoAsync<ReportForm>(await service.LoadAsync(Actor.From(principal), number, SubmissionKind.Report, slot.City.Code, cancellationToken), service, cancellationToken));
    }

    public static async Task<Ok<EventItemDto>> EventItem(int number, string city, int index, ClaimsPrincipal principal, PlanEventItems items, CancellationToken cancellationToken) =>
        TypedResults.Ok(new EventItemDto(await items.CreateAsync(Actor.From(principal), number, city, index, cancellationToken)));

    public static async Task<Ok<RemindedDto>> Remind(int number, RemindRequest request, ClaimsPrincipal principal, ReminderService reminders, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RemindedDto(await reminders.RemindAsync(Actor.From(principal), number, request.Cities, cancellationToken)));

    public static async Task<Ok<SubmissionDto<TForm>>> Get<TForm>(int number, string city, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await service.LoadAsync(Actor.From(principal), number, TForm.Kind, city, cancellationToken);
        return TypedResults.Ok(await DtoAsync<TForm>(slot, service, cancellationToken));
    }

    public static async Task<Ok<SubmissionDto<TForm>>> Save<TForm>(
        int number, string city, SubmissionWriteRequest<TForm> request, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await service.SaveAsync(Actor.From(principal), number, city, request.Version, request.Fields ?? new TForm(), cancellationToken);
        return TypedResults.Ok(await DtoAsync<TForm>(slot, service, cancellationToken));
    }

    public static async Task<Ok<SubmissionDto<TForm>>> Submit<TForm>(int number, string city, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await service.SubmitAsync<TForm>(Actor.From(principal), number, city, null, cancellationToken);
        return TypedResults.Ok(await DtoAsync<TForm>(slot, service, cancellationToken));
    }

    public static async Task<Ok<SubmissionDto<TForm>>> Return<TForm>(
        int number, string city, ReturnRequest request, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await service.ReturnAsync(Actor.From(principal), number, TForm.Kind, city, request.Comment, cancellationToken);
        return TypedResults.Ok(await DtoAsync<TForm>(slot, service, cancellationToken));
    }

    public static async Task<Ok<SubmissionDto<TForm>>> Accept<TForm>(int number, string city, ClaimsPrincipal principal, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var slot = await service.AcceptAsync(Actor.From(principal), number, TForm.Kind, city, cancellationToken);
        return TypedResults.Ok(await DtoAsync<TForm>(slot, service, cancellationToken));
    }

    private static async Task<SubmissionDto<TForm>> DtoAsync<TForm>(SubmissionSlot slot, SubmissionService service, CancellationToken cancellationToken)
        where TForm : ISubmissionForm<TForm>, new()
    {
        var s = slot.Submission;
        var context = await service.ContextAsync(slot, [], cancellationToken);
        var history = await service.HistoryAsync(slot, cancellationToken);
        return new SubmissionDto<TForm>(
            slot.Edition.Number, SubmissionLifecycle.Name(slot.Kind), new CityRefDto(slot.City.Code, slot.City.Name), slot.Title,
            SubmissionLifecycle.Name(slot.Status), s?.Version ?? 0,
            BeijingTime.ToBeijing(Deadlines.OpensAt(slot.Task)), BeijingTime.ToBeijing(slot.DueAt), slot.Late,
            Deadlines.IsOverdue(s?.FirstSubmittedAt, slot.DueAt, service.Now),
            BeijingTime.ToBeijing(s?.FirstSubmittedAt), BeijingTime.ToBeijing(s?.SubmittedAt), BeijingTime.ToBeijing(s?.ReturnedAt), BeijingTime.ToBeijing(s?.AcceptedAt),
            s?.ReviewComment, s?.IsPublic == true, context.MinimumEvents, SubmissionService.FormOf<TForm>(slot),
            [.. SubmissionLifecycle.Next(s).Select(n => n.ToString().ToLowerInvariant())],
            [.. history.Select(h => new SubmissionVersionDto(h.Version.Number, h.Version.Step, SubmissionLifecycle.Name(SubmissionLifecycle.StatusOf(h.Version.State)), BeijingTime.ToBeijing(h.Version.At), h.Version.By, h.Version.Comment, h.Changes))]);
    }
}
