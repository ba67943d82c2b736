-- Each fact once: how a tolerated item was supplied is kept in its supplies (material_supply), not
-- copied onto the item. An item supplied before supplies were recorded (V4–V5) gets its supply row
-- first, so nothing is lost.
insert into material_supply (material_item_id, channel, reference, supplied_at, supplied_by, check_result, checked_at,
    checked_by)
  select m.id, m.supply_channel, m.supply_reference, coalesce(m.supplied_at, current_timestamp),
      coalesce(m.recorded_by, 'system'),
      case when m.status = 'SUPPLIED' then 'ACCEPTED' end,
      case when m.status = 'SUPPLIED' then coalesce(m.supplied_at, current_timestamp) end,
      case when m.status = 'SUPPLIED' then coalesce(m.recorded_by, 'system') end
  from material_item m
  where m.supply_channel is not null
    and not exists (select 1 from material_supply s where s.material_item_id = m.id);
alter table material_item drop column supply_reference;
alter table material_item drop column supply_channel;
