package io.kervan.leads;

import io.kervan.companies.CompanySummary;
import io.kervan.deals.PipelineService;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.ConflictException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /leads/{id}/convert}: the conversion form (pick an existing matching company, make a new one,
 * optionally open a deal in a pipeline,
 * or none) and the conversion itself, which lands on the new contact.
 */
@Controller
@RequestMapping("/leads/{id}/convert")
class LeadConversionController {

    static final String NEW_COMPANY = "new";
    static final String NO_COMPANY = "none";

    private final LeadService leads;
    private final PipelineService pipelines;

    LeadConversionController(LeadService leads, PipelineService pipelines) {
        this.leads = leads;
        this.pipelines = pipelines;
    }

    @GetMapping
    String form(@PathVariable UUID id, Model model) {
        LeadDetails lead = leads.get(id);
        if (!leads.canEdit(lead)) {
            throw new NotAllowedException("You may see this lead but not change it");
        }
        if (lead.converted()) {
            return "redirect:/leads/" + id;
        }
        List<CompanySummary> matches = matches(lead);
        String preselected = lead.companyName() == null ? NO_COMPANY
                : matches.isEmpty() ? NEW_COMPANY : matches.get(0).id().toString();
        return page(model, lead, matches, preselected, List.of());
    }

    @PostMapping
    String convert(@PathVariable UUID id, @RequestParam(required = false) String company,
            @RequestParam(required = false) String pipelineId, @RequestParam(required = false) String dealTitle,
            Model model) {
        LeadDetails lead = leads.get(id);
        String choice = company == null || company.isBlank() ? NO_COMPANY : company.strip();
        UUID companyId = null;
        boolean create = NEW_COMPANY.equals(choice);
        if (!create && !NO_COMPANY.equals(choice)) {
            companyId = Ids.parseOrNull(choice);
            if (companyId == null) {
                return page(model, lead, matches(lead), choice,
                        List.of(new FieldProblem("companyId", "validation.company.unknown")));
            }
        }
        UUID pipeline = Ids.parseOrNull(pipelineId);
        if (pipelineId != null && !pipelineId.isBlank() && pipeline == null) {
            return page(model, lead, matches(lead), choice,
                    List.of(new FieldProblem("pipelineId", "validation.type")));
        }
        try {
            LeadConversion result = leads.convert(id, new LeadConversion.Request(companyId, create, pipeline,
                    dealTitle));
            if (result.dealId() != null) {
                return "redirect:/deals/" + result.dealId();
            }
            return "redirect:/contacts/" + result.contactId();
        } catch (BusinessRuleException e) {
            return page(model, lead, matches(lead), choice, e.problems());
        } catch (InvalidInputException e) {
            return page(model, lead, matches(lead), choice, e.problems());
        } catch (ConflictException e) {
            return page(model, leads.get(id), List.of(), choice,
                    List.of(new FieldProblem("lead", "leads.conversion.already")));
        }
    }

    private List<CompanySummary> matches(LeadDetails lead) {
        return leads.companyMatches(lead.id());
    }

    private String page(Model model, LeadDetails lead, List<CompanySummary> matches, String selected,
            List<FieldProblem> problems) {
        model.addAttribute("lead", lead);
        model.addAttribute("matches", matches);
        model.addAttribute("selected", selected);
        model.addAttribute("problems", problems);
        model.addAttribute("pipelines", pipelines.list(false));
        return "leads/convert";
    }
}
