package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.MoneyInput;
import io.alter8.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/properties")
@Tag(name = "Properties", description = "Register properties and change their terms")
class PropertyController {

    private final CommandSender commands;

    PropertyController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Register a property",
               description = "201 with the query-side Location. Repeating it with the same id and body changes nothing.")
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterPropertyRequest request) {
        PropertyId id = request.id() == null ? PropertyId.random() : new PropertyId(request.id());
        return commands.create(request.toCommand(id), id, "/api/properties/" + id);
    }

    @PutMapping("/{id}/monthly-rent")
    @Operation(summary = "Change the monthly rent",
               description = "Send If-Match with the version you last read to refuse the change if it moved on (412).")
    ResponseEntity<CommandAccepted> changeMonthlyRent(@PathVariable UUID id,
                                                      @Valid @RequestBody MoneyInput monthlyRent,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch) {
        PropertyId propertyId = new PropertyId(id);
        return commands.update(new ChangeMonthlyRent(propertyId, monthlyRent.toMoney(), ETags.parseIfMatch(ifMatch)),
                               propertyId);
    }
}
