using EnterpriseEval.Engine.Plugins;
using EnterpriseEval.Service.Endpoints;
using EnterpriseEval.Service.Security;
using EnterpriseEval.Service.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Pages.Admin;

/// <summary>The plug-ins folder in use and, on request, its <c>plugins validate</c> report (what <c>/api/v1/plugins[/validate]</c> answer).</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class PluginsModel(PluginCatalog catalog, IOptions<PluginsOptions> options) : AppPageModel
{
    public PluginsReport? Report { get; private set; }

    public PluginsValidation? Validation { get; private set; }

    public void OnGet(bool validate)
    {
        Report = AdminEndpoints.Plugins(catalog, options.Value);
        if (validate)
        {
            Validation = AdminEndpoints.Validate(catalog, options.Value);
        }
    }
}
