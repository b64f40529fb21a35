# Las vistas de pagos: lista, detalle, consulta, pagos en espera, registro de auditoría (español).

## Pagos en espera
holds-title = En espera
holds-empty = No hay pagos en espera.
holds-totals-label = Reservado por pagos en espera, por moneda
holds-total-in = en { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
  }
holds-caption = En espera al { $at }, los más antiguos primero
holds-col-held-for = En espera desde hace
holds-col-held-since = En espera desde

## Etiquetas de estado y duraciones (compartidas por las vistas de pagos; los estados son status-* de core.ftl)
badge-unknown = Estado desconocido (código { $code })
badge-checking = verificando…
badge-in-batch = En lote
badge-in-batch-title = Una fila de un lote, aún no enviada: se envía cuando se envía o se reanuda su lote.
badge-not-sent = No enviado
badge-abandoned = Abandonado
# Cuánto ha durado algo, solo las dos unidades mayores: "3 d 4 h", "2 h 5 min".
duration-days-hours = { $d } d { $h } h
duration-days = { $d } d
duration-hours-minutes = { $h } h { $min } min
duration-hours = { $h } h
duration-minutes = { $min } min
duration-under-minute = menos de 1 min

## Lista de pagos
list-title = Retiros
list-col-status = Estado
list-col-country = País
list-col-requested = Solicitado
list-sort-status = Ordenar por estado
list-sort-amount = Ordenar por monto
list-sort-beneficiary = Ordenar por beneficiario
list-sort-requested = Ordenar por fecha de solicitud
list-any-status = Cualquier estado
list-status-unknown = Estado desconocido (código no reconocido)
# Creaciones no resueltas, según el estado de su creación.
list-phase-checking = verificando… (enviado, sin confirmar)
list-phase-queued = En lote (aún no enviado)
list-phase-not-sent = No enviado (nunca salió)
list-phase-abandoned = Abandonado
list-any-country = Cualquier país
list-period-any = Cualquier fecha
list-period-today = Hoy
list-period-yesterday = Ayer
list-period-last-7-days = Últimos 7 días
list-period-last-30-days = Últimos 30 días
list-currency = Moneda
list-any-currency = Cualquier moneda
# A filter: only payouts the provider received (a status other than declined), as the overview counts "sent".
list-sent-only = Solo los enviados al proveedor
list-period-this-month = Este mes
list-period-custom = Fechas…
list-from = Desde
list-to = Hasta
list-search = Buscar
list-search-placeholder = nombre, id, documento o cuenta
list-export-csv = Exportar CSV
list-exported = { $count ->
    [one] Se exportó { $count } pago
   *[other] Se exportaron { $count } pagos
  } a { $file }
list-empty = Ningún pago coincide.
list-newer = Más recientes
list-older = Más antiguos
# El rango del paginador cuando la página está vacía.
list-range-none = ninguno

## Detalle del pago
detail-title = Pago { $id }
detail-title-plain = Pago
detail-back = Volver
detail-back-to-list = Volver a la lista
detail-checking-provider = Consultando al proveedor…
detail-updated = Actualizado automáticamente el { $at } (consulta de estado en segundo plano).
detail-hold = Retener
detail-release = Liberar
detail-cancel = Cancelar
detail-holding = Reteniendo…
detail-held = Retención realizada. Estado actual: { $status }.
detail-releasing = Liberando…
detail-released = Liberación realizada. Estado actual: { $status }.
detail-cancelling = Cancelando…
detail-cancelled = Cancelación realizada. Estado actual: { $status }.
detail-checked = Consulta realizada. Estado actual: { $status }.
detail-resending = Reenviando con el mismo id externo…
detail-resent = Reenviado con el mismo id externo. Estado actual: { $status }.
detail-abandoning = Abandonando…
detail-abandoned = Abandono registrado. Estado actual: { $status }.
detail-cancel-ask = ¿Cancelar el pago { $id } de { $amount } a { $beneficiary }? No se moverá dinero.
detail-cancel-ask-anonymous = ¿Cancelar el pago { $id } de { $amount } al beneficiario? No se moverá dinero.
detail-cancel-confirm = Cancelar pago
detail-keep-it = Mantener
detail-save-beneficiary = Guardar beneficiario…
# $explanation es la frase del núcleo sobre el código de rechazo del banco.
detail-rejected-with = Rechazado con el código { $code } ({ $reason }): { $explanation }
detail-field-to-fix = Campo a corregir: { $field }.
detail-account-show = Mostrar
detail-account-hide = Ocultar
detail-fact-status = Estado
detail-fact-requested = Solicitado
detail-fact-document = Documento
detail-fact-bank = Banco
detail-fact-branch = Sucursal
detail-fact-country = País
detail-fact-provider-reference = Referencia del proveedor
detail-fact-environment = Entorno
detail-fact-approval = Aprobación
detail-fact-last-checked = Última consulta
detail-not-known-yet = aún no se conoce
# Lo que copia un botón de copiar ("Copiar { $what }").
detail-what-cashout-id = id del retiro
detail-what-external-id = id externo
detail-what-provider-reference = referencia del proveedor
# $state: dónde está la aprobación; $progress es del núcleo ("1 de 2 aprobaciones · por …").
detail-approval-line = { $state ->
    [waiting] pendiente
    [approved] aprobada
    [rejected] rechazada
    [expired] vencida
    [released] liberada
    [cancelled] cancelada
   *[closed] cerrada
  } · { $progress } · preparado por { $who }
detail-history = Historial
detail-history-time = Fecha y hora
detail-history-event = Evento
detail-history-status = Estado
detail-history-detail = Detalle
detail-event-intent = intención
detail-event-sent = enviado
detail-event-created = creado
detail-event-declined = declinado
detail-event-unknown = desconocido
detail-event-found = encontrado
detail-event-not-found = no encontrado
detail-event-status = estado
detail-event-action = acción
detail-event-refused = denegado
detail-event-approval = aprobación
## Los demás eventos del historial del diario (sus propios nombres, mostrados con estas palabras).
# watch: el seguimiento de estados vio un estado o un rechazo nuevo.
detail-event-watch = seguimiento
# queued: una fila de un lote se convirtió en este pago, que espera en el lote su turno para enviarse.
detail-event-queued = en cola
# not-delivered: la creación nunca salió (nada llegó al proveedor, o su lote se canceló antes).
detail-event-not-delivered = no entregado
detail-event-abandoned = abandonado
# action-failed: una retención, liberación o cancelación fue denegada o no pudo enviarse.
detail-event-action-failed = acción fallida
# action-unknown: se perdió la respuesta a una retención, liberación o cancelación; se consulta el estado.
detail-event-action-unknown = resultado de la acción desconocido
# reconcile-failed: la búsqueda de una creación abierta por su id externo no la resolvió.
detail-event-reconcile-failed = conciliación fallida
# duplicate: el proveedor dijo que este id externo ya se usó (511); se busca.
detail-event-duplicate = id duplicado
# corrects / corrected-by: un pago enviado para corregir uno rechazado, y el rechazado.
detail-event-corrects = corrige
detail-event-corrected-by = corregido por
# linked: unido al id de retiro del proveedor; not-linked: mantenido aparte.
detail-event-linked = vinculado
detail-event-not-linked = no vinculado
# added: agregado al diario por una búsqueda (creado en otro lugar).
detail-event-added = agregado
# foreign: el proveedor tiene, con este id externo, un retiro que este diario no hizo.
detail-event-foreign = externo
# imported: copiado de otro diario, o la copia de ese diario difiere.
detail-event-imported = importado
# merge-conflict: un diario traído de un directorio de datos anterior tenía este pago de otra forma.
detail-event-merge-conflict = conflicto al fusionar
detail-vote = { $decision ->
    [approve] { $approver } aprobó
   *[reject] { $approver } rechazó
  }
detail-vote-reason = { $decision ->
    [approve] { $approver } aprobó: { $reason }
   *[reject] { $approver } rechazó: { $reason }
  }
detail-resend = Reenviar con el mismo id externo
detail-retry = Reintentar (mismo id externo)
detail-abandon = Abandonar…
# $risk es la frase del núcleo sobre lo que arriesga abandonar.
detail-abandon-ask = ¿Abandonar el pago { $id } ({ $amount } a { $beneficiary })? { $risk }
detail-abandon-ask-anonymous = ¿Abandonar el pago { $id } ({ $amount } al beneficiario)? { $risk }
detail-abandon-confirm = Abandonar
detail-abandon-reason = Motivo (queda en el registro de auditoría)
# $label es el nombre que el núcleo da a la cuenta ("clave PIX de teléfono"), $account la cuenta enmascarada.
detail-save-ask = ¿Guardar a { $beneficiary } ({ $label } { $account }) tal como se envió en este pago, para volver a pagarle desde Nuevo retiro?
detail-save-ask-anonymous = ¿Guardar al beneficiario ({ $label } { $account }) tal como se envió en este pago, para volver a pagarle desde Nuevo retiro?
detail-save-confirm = Guardar
detail-save-label = Etiqueta (p. ej., “Ana — alquiler”)
detail-save-taken = “{ $name }” ya está guardado ({ $label } { $account }, guardado por { $who }). ¿Reemplazarlo por el beneficiario de este pago?
detail-save-replace = Reemplazar
detail-saved = Guardado como “{ $name }”. Elíjalo en Nuevo retiro; se vuelve a verificar en cada revisión.
detail-replace-draft = Nuevo retiro tiene un pago que usted estaba escribiendo. ¿Reemplazarlo por esta copia?
detail-replace-draft-confirm = Reemplazarlo
detail-pay-again = Pagar de nuevo con los datos corregidos
detail-copy-new = Copiar en un nuevo pago
# La nota con la que se abre un pago copiado en Nuevo retiro: qué es, qué corregir y la
# última frase. $kind: correct (pagar de nuevo con los datos corregidos) o copy.
detail-copy-of-rejected = { $kind ->
    [correct] Pagar de nuevo con los datos corregidos
   *[copy] Copiar en un nuevo pago
  }: una copia del pago { $id }, que fue rechazado con el código { $code } ({ $reason }).
detail-copy-of-declined-note = { $kind ->
    [correct] Pagar de nuevo con los datos corregidos
   *[copy] Copiar en un nuevo pago
  }: una copia del pago { $id }, que fue declinado: { $note }.
detail-copy-of-declined = { $kind ->
    [correct] Pagar de nuevo con los datos corregidos
   *[copy] Copiar en un nuevo pago
  }: una copia del pago { $id }, que fue declinado.
detail-copy-correct-field = Corrija { $field } y luego revise.
detail-copy-correct-it = Corríjalo y luego revise.
detail-copy-new-id = Recibe un nuevo id externo; no se envía nada antes de que usted lo revise.
detail-inspector-title = Inspector de firma — solicitudes enviadas para este pago
detail-inspector-note = La API Passphrase está enmascarada y de la API Key solo se ven los últimos 4 caracteres. La API Signature nunca se muestra: la Payload-Signature de abajo es el encabezado que se envió, calculado a partir del cuerpo real (sin enmascarar).
detail-inspector-empty = No hay solicitudes guardadas para este pago.
# $name y $explanation son las palabras del núcleo para el código de error del proveedor.
detail-provider-code = Código del proveedor { $code } — { $name }: { $explanation }
detail-ex-sent-at = Enviado el
detail-ex-http-status = Estado HTTP
detail-ex-no-answer = sin respuesta
detail-ex-outcome = Resultado
detail-ex-outcome-ok = ok
detail-ex-outcome-refused = rechazado por el proveedor
detail-ex-outcome-not-delivered = no entregado
detail-ex-outcome-unknown = resultado desconocido
detail-ex-body = Cuerpo enviado
detail-ex-signature = Payload-Signature
detail-ex-answer = Respuesta
detail-ex-none-arrived = no llegó ninguna

## Registro de auditoría
audit-title = Registro de auditoría
audit-any-action = Cualquier acción
audit-search = Buscar
audit-search-placeholder = ids, usuario o detalle
audit-empty = Ninguna entrada coincide.
audit-col-seq = #
audit-col-time = Fecha y hora
audit-col-who = Usuario · entorno
audit-col-action = Acción
audit-col-payout = Pago
audit-col-outcome = Resultado
audit-cashout-id = id { $id }
audit-outcome-ok = ok
audit-hash = hash
audit-hash-of-entry = hash de la entrada { $seq }
audit-head-hash = hash final
audit-newer = Más recientes
audit-older = Más antiguas
audit-verify = Verificar cadena
audit-verifying = Verificando la cadena…
audit-intact = Cadena íntegra: { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
  }. Hash final (anótelo para detectar entradas eliminadas del final):
# $problem es la frase del núcleo sobre lo que está mal en esa entrada.
audit-broken = Cadena rota en la entrada { $seq }: { $problem }
audit-export-csv = Exportar CSV
audit-exported = { $count ->
    [one] Se exportó { $count } entrada
   *[other] Se exportaron { $count } entradas
  } a { $file }
# Lo que hizo un operador, como lo nombran el filtro y la columna de acción.
audit-action-create = crear
audit-action-hold = retener
audit-action-release = liberar
audit-action-cancel = cancelar
audit-action-lookup = consulta
audit-action-credentials-saved = credenciales guardadas
audit-action-credentials-removed = credenciales eliminadas
audit-action-environment-switched = cambio de entorno
audit-action-export = exportación
audit-action-audit-verified = auditoría verificada
audit-action-resend = reenviar
audit-action-abandon = abandonar
audit-action-journal-moved = diario movido
audit-action-settings-changed = configuración cambiada
audit-action-journal-switched = cambio de diario
audit-action-approval-approved = aprobación: aprobada
audit-action-approval-rejected = aprobación: rechazada
audit-action-approval-expired = aprobación: vencida
audit-action-approval-released = aprobación: liberada
audit-action-approval-cancelled = aprobación: cancelada
audit-action-approval-closed = aprobación: cerrada
audit-action-policy-proposed = política propuesta
audit-action-policy-applied = política aplicada
audit-action-policy-rejected = política rechazada
audit-action-beneficiary-saved = beneficiario guardado
audit-action-beneficiary-updated = beneficiario actualizado
audit-action-beneficiary-deleted = beneficiario eliminado
audit-action-batch-confirmed = lote confirmado
audit-action-batch-started = lote iniciado
audit-action-batch-paused = lote en pausa
audit-action-batch-cancelled = lote cancelado
audit-action-batch-finished = lote terminado
audit-action-update-checked = búsqueda de actualización
audit-action-update-installed = actualización instalada
