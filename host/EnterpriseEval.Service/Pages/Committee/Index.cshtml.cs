using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;

namespace EnterpriseEval.Service.Pages.Committee;

/// <summary>Placeholder of the committee's home page (sign-in lands here); the committee's dossier and secret-ballot pages replace it.</summary>
[Authorize(Policy = Policies.Reviewers)]
internal sealed class CommitteeHomeModel : AppPageModel
{
    public void OnGet()
    {
    }
}
